/** The sections of the gallery, in page order (their titles: design.sections.<id>). */
export const GALLERY_SECTIONS = ['colours', 'type', 'spacing', 'buttons', 'chips', 'forms', 'menus', 'toasts', 'tabs', 'tables', 'empty', 'skeletons', 'icons'] as const;

export type GallerySectionId = (typeof GALLERY_SECTIONS)[number];
