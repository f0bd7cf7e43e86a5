/**
 * What the popup and the comparison page need from the background before their first paint: the
 * settings (preference, theme). The platform arrives a moment later and only reorders downloads.
 */
import {useEffect, useState} from 'preact/hooks';
import {browser} from '../core/browser';
import {send} from '../core/send';
import {DEFAULTS, type Settings} from '../core/settings-defaults';
import type {Platform} from '../data/schema';
import {platformOf} from './order';

export function usePlatform(): Platform | null {
	const [platform, setPlatform] = useState<Platform | null>(null);
	useEffect(() => {
		browser.runtime
			.getPlatformInfo()
			.then((info) => setPlatform(platformOf(info.os)))
			.catch(() => setPlatform(null));
	}, []);
	return platform;
}

/** The settings and a setter for the preference, which updates the stored settings. */
export function useSettings(): [Settings | null, (patch: Partial<Pick<Settings, 'preference'>>) => Promise<void>] {
	const [settings, setSettings] = useState<Settings | null>(null);
	useEffect(() => {
		send('getSettings', null)
			.then(setSettings)
			.catch(() => setSettings({...DEFAULTS}));
	}, []);
	const update = async (patch: Partial<Pick<Settings, 'preference'>>) => {
		setSettings(await send('updateSettings', patch));
	};
	return [settings, update];
}
