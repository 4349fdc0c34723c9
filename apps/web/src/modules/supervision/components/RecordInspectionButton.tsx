import { ProFormDatePicker, ProFormSelect, ProFormTextArea } from '@ant-design/pro-components';
import { Form } from 'antd';
import { INSPECTION_RESULTS, translate, type InspectionRecord } from '@qd/core';
import { useLocale } from '../../../i18n/useLocale';
import { useT } from '../../../i18n/useT';
import { ActionButton } from './ActionButton';
import { svOptions } from './sv-label';

function CorrectByField() {
  const t = useT();
  const result = Form.useWatch('result');
  return result === 'orderedToCorrect' ? (
    <ProFormDatePicker name="correctBy" label={t('supervision.inspection.correctBy')} />
  ) : null;
}

/** Records an inspection's date, findings and result code (an order to correct asks for its deadline). */
export function RecordInspectionButton({ inspection, onDone }: { inspection: InspectionRecord; onDone: () => void }) {
  const t = useT();
  const locale = useLocale();
  const required = [{ required: true, message: translate('validation.required', locale) }];
  return (
    <ActionButton
      testId={`record-${inspection.code}`}
      label={t('supervision.inspection.record')}
      path={`/supervision/inspections/${inspection.id}/record`}
      onDone={onDone}
      fields={
        <>
          <ProFormDatePicker name="inspectedOn" label={t('supervision.inspection.inspectedOn')} rules={required} />
          <ProFormSelect
            name="result"
            label={t('supervision.inspection.result')}
            options={svOptions(t, 'result', INSPECTION_RESULTS)}
            rules={required}
          />
          <CorrectByField />
          <ProFormTextArea name="findings" label={t('supervision.inspection.findings')} rules={required} />
        </>
      }
    />
  );
}
