import type { MessageKind } from '@coulisses/shared/notifications/messages';
import { apiRequest } from './http';

export type OutboxStatus = 'PENDING' | 'SENT' | 'DEAD';

export interface OutboxMessage {
  id: string;
  kind: MessageKind;
  recipient: string;
  locale: string;
  subject: string;
  text: string;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface OutboxPage {
  smtp: boolean;
  messages: OutboxMessage[];
  next: string | null;
}

export interface NotificationPreferences {
  locale: 'fr' | 'en';
  preferences: { kind: MessageKind; channel: 'email' | 'none'; essential: boolean }[];
}

export function listOutbox(status: OutboxStatus | null, before: string | null = null): Promise<OutboxPage> {
  const q = new URLSearchParams();
  if (status) q.set('status', status);
  if (before) q.set('before', before);
  return apiRequest<OutboxPage>(`/api/v1/notifications/outbox?${q.toString()}`);
}

export function resendOutbox(id: string): Promise<{ id: string; status: OutboxStatus }> {
  return apiRequest(`/api/v1/notifications/outbox/${encodeURIComponent(id)}/resend`, { method: 'POST' });
}

export function getNotificationPreferences(): Promise<NotificationPreferences> {
  return apiRequest<NotificationPreferences>('/api/v1/me/notifications');
}

export function saveNotificationPreferences(body: { locale?: 'fr' | 'en'; preferences?: Partial<Record<MessageKind, 'email' | 'none'>> }): Promise<NotificationPreferences> {
  return apiRequest<NotificationPreferences>('/api/v1/me/notifications', { method: 'PUT', body });
}
