import { useSyncExternalStore } from 'react';
import { elderModeStore } from './elder-mode-store';

export function useElderMode(): [boolean, (on: boolean) => void] {
  const value = useSyncExternalStore(elderModeStore.subscribe, elderModeStore.get);
  return [value === 'on', (on) => elderModeStore.set(on ? 'on' : 'off')];
}
