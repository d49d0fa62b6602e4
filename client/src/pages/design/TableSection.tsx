import { useT } from '../../i18n/useT';
import { StatusChip } from '../../ui/Chip';
import { IconButton } from '../../ui/IconButton';
import { IconChevronRight } from '../../ui/icons';
import { Table, type TableColumn } from '../../ui/Table';
import { GallerySection } from './GallerySection';

interface CrewRow {
  id: 'camille' | 'yanis' | 'lea' | 'hugo';
  role: 'light' | 'sound' | 'stage';
  status: 'INVITED' | 'ACCEPTED' | 'DECLINED' | 'CANCELLED';
  hours: number[];
}

const ROWS: CrewRow[] = [
  { id: 'camille', role: 'light', status: 'ACCEPTED', hours: [8, 9.5, 7, 10, 6] },
  { id: 'yanis', role: 'sound', status: 'INVITED', hours: [8, 8, 0, 9, 11] },
  { id: 'lea', role: 'stage', status: 'DECLINED', hours: [0, 0, 0, 0, 0] },
  { id: 'hugo', role: 'stage', status: 'CANCELLED', hours: [7, 7.5, 8, 0, 0] },
];

export function TableSection() {
  const t = useT();
  const name = (row: CrewRow) => t(`design.people.${row.id}`);
  const crewColumns: TableColumn<CrewRow>[] = [
    { key: 'name', header: t('design.table.name'), primary: true, render: name },
    { key: 'role', header: t('design.table.role'), render: (row) => t(`design.forms.roles.${row.role}`) },
    { key: 'status', header: t('design.table.status'), render: (row) => <StatusChip kind="assignment" status={row.status} size="sm" /> },
    { key: 'hours', header: t('design.table.hours'), align: 'end', render: (row) => row.hours.reduce((a, b) => a + b, 0) },
    {
      key: 'open',
      header: t('design.table.actions'),
      headerHidden: true,
      align: 'end',
      width: '4rem',
      render: (row) => <IconButton icon={IconChevronRight} label={t('design.table.open', { name: name(row) })} size="sm" />,
    },
  ];
  const hourColumns: TableColumn<CrewRow>[] = [
    { key: 'name', header: t('design.table.name'), primary: true, render: name },
    ...[0, 1, 2, 3, 4].map((day) => ({ key: `d${day}`, header: t('design.table.day', { n: day + 1 }), align: 'end' as const, render: (row: CrewRow) => row.hours[day] ?? 0 })),
    { key: 'total', header: t('design.table.total'), align: 'end', render: (row) => <strong>{row.hours.reduce((a, b) => a + b, 0)}</strong> },
  ];
  return (
    <GallerySection id="tables">
      <div className="design__stack">
        <Table caption={t('design.table.caption')} columns={crewColumns} rows={ROWS} rowKey={(row) => row.id} testId="design-table-crew" />
        <Table caption={t('design.table.scrollCaption')} columns={hourColumns} rows={ROWS} rowKey={(row) => row.id} responsive="scroll" maxHeight="14rem" dense />
      </div>
    </GallerySection>
  );
}
