import { apiRequest } from '../../../api/http';
import type { DeviceChain } from './chain-view';

/** The organisation's device chains (a server view: it needs the network). */
export async function fetchChains(signal?: AbortSignal): Promise<DeviceChain[]> {
  const body = await apiRequest<{ devices: DeviceChain[] }>('/api/v1/timeclock/chains', { signal });
  return body.devices;
}
