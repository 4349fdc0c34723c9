import { Space, Switch } from 'antd';
import { useId } from 'react';
import { useElderMode } from '../app/useElderMode';
import { useT } from '../i18n/useT';

export function ElderModeSwitch() {
  const [elderMode, setElderMode] = useElderMode();
  const t = useT();
  const labelId = useId();
  return (
    <Space size={4}>
      <span id={labelId}>{t('elderMode.label')}</span>
      <Switch
        data-testid="elder-mode-switch"
        aria-labelledby={labelId}
        size="small"
        checked={elderMode}
        onChange={setElderMode}
        title={elderMode ? t('elderMode.on') : undefined}
      />
    </Space>
  );
}
