/** Moved to client/src/components (the KPI screens use it too); kept here for the planning imports. */
export { RowMenu, type RowAction } from '../../../../components/RowMenu';
