import type { ReactNode } from 'react';
import { cx } from './cx';
import './table.css';

export interface TableColumn<Row> {
  key: string;
  /** The column header; a string is also the label of the cell in the phone card layout. */
  header: string;
  render: (row: Row) => ReactNode;
  align?: 'start' | 'end' | 'center';
  /** The card's title on phones (one column, usually the name). */
  primary?: boolean;
  /** Hide the header text (e.g. an actions column); it stays for screen readers. */
  headerHidden?: boolean;
  /** A CSS width, e.g. '8rem'. */
  width?: string;
}

export interface TableProps<Row> {
  /** Says what the table holds (required: it names the table for screen readers). */
  caption: string;
  /** Show the caption as a title (default) or keep it for screen readers only. */
  captionHidden?: boolean;
  columns: TableColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** Phones (below 600 px): 'cards' stacks each row as a card with labels; 'scroll' keeps the grid and scrolls sideways. */
  responsive?: 'cards' | 'scroll';
  /** The header sticks to the top of the page (or of the box when maxHeight is set). Default true. */
  stickyHeader?: boolean;
  /** A CSS height: the table scrolls inside its own box, header stuck on top. */
  maxHeight?: string;
  /** Shown instead of the rows when there are none (e.g. an EmptyState). */
  empty?: ReactNode;
  /** Compact rows (planner lists). */
  dense?: boolean;
  onRowClick?: (row: Row) => void;
  rowTestId?: (row: Row) => string;
  testId?: string;
  className?: string;
}

/**
 * A data table with a caption, a sticky header, and a phone layout (cards or horizontal scroll). Rows are data,
 * not buttons: put links or buttons in the cells; onRowClick is a mouse shortcut only.
 */
export function Table<Row>({
  caption,
  captionHidden = false,
  columns,
  rows,
  rowKey,
  responsive = 'cards',
  stickyHeader = true,
  maxHeight,
  empty,
  dense = false,
  onRowClick,
  rowTestId,
  testId,
  className,
}: TableProps<Row>) {
  if (rows.length === 0 && empty) {
    return (
      <div className={cx('ui-table-empty', className)} data-testid={testId}>
        {!captionHidden && <h3 className="ui-table__title">{caption}</h3>}
        {empty}
      </div>
    );
  }
  const scrollBox = responsive === 'scroll' || maxHeight !== undefined;
  // In a scroll box the caption would scroll away sideways: its visible copy sits above the box.
  const outsideTitle = scrollBox && !captionHidden;
  const table = (
    <div
      className={cx('ui-table-wrap', scrollBox && 'ui-table-wrap--scroll', maxHeight !== undefined && 'ui-table-wrap--boxed', `ui-table-wrap--${responsive}`, className)}
      style={maxHeight ? { maxHeight } : undefined}
      tabIndex={scrollBox ? 0 : undefined}
      role={scrollBox ? 'region' : undefined}
      aria-label={scrollBox ? caption : undefined}
      data-testid={outsideTitle ? undefined : testId}
    >
      <table className={cx('ui-table', stickyHeader && 'ui-table--sticky', dense && 'ui-table--dense', responsive === 'cards' && 'ui-table--cards')}>
        <caption className={cx('ui-table__caption', (captionHidden || outsideTitle) && 'visually-hidden')}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((col) => (
              <th key={col.key} scope="col" className={cx(col.align && `is-${col.align}`, col.primary && 'is-primary')} style={col.width ? { width: col.width } : undefined}>
                {col.headerHidden ? <span className="visually-hidden">{col.header}</span> : col.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} data-testid={rowTestId?.(row)} className={cx(onRowClick && 'is-clickable')} onClick={onRowClick ? () => onRowClick(row) : undefined}>
              {columns.map((col) => (
                <td key={col.key} data-label={col.headerHidden ? undefined : col.header} className={cx(col.align && `is-${col.align}`, col.primary && 'is-primary')}>
                  {col.render(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  if (!outsideTitle) return table;
  return (
    <div className="ui-table-block" data-testid={testId}>
      <p className="ui-table__title" aria-hidden="true">
        {caption}
      </p>
      {table}
    </div>
  );
}
