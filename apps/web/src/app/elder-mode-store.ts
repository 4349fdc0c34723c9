import { createPreferenceStore } from './preference-store';

/** 长者模式: larger type and controls, remembered on this device. */
export const elderModeStore = createPreferenceStore<'on' | 'off'>('qd.elderMode', ['on', 'off'], 'off');
