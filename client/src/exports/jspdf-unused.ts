/**
 * Stands in for jsPDF's optional modules (html2canvas and DOMPurify for its html(), canvg for addSvgAsImage()),
 * which this app never calls: the charts are drawn from their canvases (docs/decisions/signed-exports.md). The
 * alias in vite.config.ts keeps those ~380 kB out of the build and of the offline precache.
 */
const unused = undefined;
export default unused;
