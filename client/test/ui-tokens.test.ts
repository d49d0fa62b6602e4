import { describe, expect, it } from 'vitest';
import { ASSIGNMENT_STATUSES, MISSION_STATUSES } from '@coulisses/shared/entities/planning';
import { ACCENT_PROPERTIES, accentFromSettings, accentProperties } from '../src/ui/accent';
import { AA_TEXT, contrastRatio } from '../src/ui/color';
import { ASSIGNMENT_TONES, MISSION_TONES, TONES, isTone, toneForStatus } from '../src/ui/tones';
import { THEME_STORAGE_KEY, readTheme } from '../src/ui/theme';
import { memoryStorage } from './memory-storage';

describe('status tones', () => {
  it('cover every assignment and mission status of the registry with a tone', () => {
    expect(Object.keys(ASSIGNMENT_TONES).sort()).toEqual([...ASSIGNMENT_STATUSES].sort());
    expect(Object.keys(MISSION_TONES).sort()).toEqual([...MISSION_STATUSES].sort());
    for (const tone of [...Object.values(ASSIGNMENT_TONES), ...Object.values(MISSION_TONES)]) expect(TONES).toContain(tone);
  });

  it('map statuses to tones, neutral for an unknown one', () => {
    expect(toneForStatus('assignment', 'ACCEPTED')).toBe('success');
    expect(toneForStatus('assignment', 'INVITED')).toBe('warning');
    expect(toneForStatus('assignment', 'DECLINED')).toBe('danger');
    expect(toneForStatus('mission', 'DRAFT')).toBe('neutral');
    expect(toneForStatus('mission', 'SOMETHING_NEW')).toBe('neutral');
    expect(isTone('info')).toBe(true);
    expect(isTone('purple')).toBe(false);
  });
});

describe('organisation accent', () => {
  it('reads accentColor (or accent, brandColor) from the settings when it is a hex colour', () => {
    expect(accentFromSettings({ accentColor: '#0A7CFF' })).toBe('#0a7cff');
    expect(accentFromSettings({ accent: '#abc' })).toBe('#abc');
    expect(accentFromSettings({ brandColor: '#123456' })).toBe('#123456');
    expect(accentFromSettings({ accentColor: 'red' })).toBeNull();
    expect(accentFromSettings({ accentColor: 'url(x)' })).toBeNull();
    expect(accentFromSettings(null)).toBeNull();
    expect(accentFromSettings({ convention: 'LIVE_PERFORMANCE' })).toBeNull();
  });

  it('sets every accent property, with readable ink on the fill', () => {
    const props = accentProperties('#f2c14e');
    expect(Object.keys(props).sort()).toEqual(Object.values(ACCENT_PROPERTIES).sort());
    const fill = props[ACCENT_PROPERTIES.base]!;
    const ink = props[ACCENT_PROPERTIES.on]!;
    expect(contrastRatio(fill, ink)).toBeGreaterThanOrEqual(AA_TEXT);
    expect(ink).toBe('#1b1724');
    expect(accentProperties(null)).toEqual({});
    expect(accentProperties('nonsense')).toEqual({});
  });
});

describe('theme preference', () => {
  it('reads light or dark, and system for anything else', () => {
    const storage = memoryStorage();
    expect(readTheme(storage)).toBe('system');
    storage.setItem(THEME_STORAGE_KEY, 'dark');
    expect(readTheme(storage)).toBe('dark');
    storage.setItem(THEME_STORAGE_KEY, 'neon');
    expect(readTheme(storage)).toBe('system');
    expect(readTheme(null)).toBe('system');
  });
});
