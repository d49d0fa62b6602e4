/**
 * The design system (docs/decisions/design-system.md). Tokens: ui/tokens.css (loaded by styles.css).
 * Import components from here or from their own file; each brings its own CSS.
 */
export { Badge, type BadgeProps } from './Badge';
export { Button, type ButtonProps, type ButtonSize, type ButtonVariant } from './Button';
export { Chip, StatusChip, type ChipProps, type StatusChipProps } from './Chip';
export { Dialog, type DialogProps } from './Dialog';
export { EmptyState, type EmptyStateProps } from './EmptyState';
export { FormField, type FormFieldProps } from './FormField';
export { IconButton, type IconButtonProps } from './IconButton';
export { Input, Select, Textarea } from './Input';
export { Menu, type MenuAction, type MenuEntry, type MenuGroup, type MenuProps, type MenuSeparator, type MenuTriggerProps } from './Menu';
export { Sheet, type SheetProps } from './Sheet';
export { SheetFormFooter, type SheetFormFooterProps } from './SheetFormFooter';
export { Skeleton, SkeletonGroup, type SkeletonProps } from './Skeleton';
export { Spinner } from './Spinner';
export { Table, type TableColumn, type TableProps } from './Table';
export { Tabs, type TabItem, type TabsProps } from './Tabs';
export { ToastProvider, appToasts } from './Toast';
export { useToast, type ToastApi } from './toast-context';
export type { ToastOptions } from './toast-queue';
export { ASSIGNMENT_TONES, MISSION_TONES, TONES, toneForStatus, type Tone } from './tones';
export { useTheme, setTheme, type ThemePreference } from './theme';
export { useOrgAccent } from './useOrgAccent';
export { useIsWide, useMediaQuery, WIDE_QUERY } from './useMediaQuery';
export { cx } from './cx';
export * from './icons';
