import { ProFormDatePicker, ProFormGroup, ProFormList, ProFormSelect, ProFormText } from '@ant-design/pro-components';
import { translate } from '@qd/core';
import { enumLabel } from '../../../i18n/enum-label';
import { optionsOf } from '../../../i18n/enum-options';
import { useLocale } from '../../../i18n/useLocale';
import { useT } from '../../../i18n/useT';
import { creditCodeRules, normalizeCreditCodeInput } from './credit-code-rules';

const RELATIONS = ['employee', 'consultant', 'board', 'investor'] as const;

/**
 * An expert's past employments: the award module checks them for conflicts of interest (回避)
 * before inviting the expert to review an applicant, so the credit code helps to match.
 */
export function PastEmploymentsField() {
  const t = useT();
  const locale = useLocale();
  return (
    <ProFormList
      name="pastEmployments"
      label={t('expert.pastEmployments')}
      creatorButtonProps={{ creatorButtonText: t('expert.pastEmployment.add') }}
      creatorRecord={{ relation: 'employee' }}
      itemRender={({ listDom, action }) => (
        <div style={{ display: 'flex', alignItems: 'flex-start', gap: 8, borderBottom: '1px dashed #f0f0f0', marginBottom: 8 }}>
          <div style={{ flex: 1 }}>{listDom}</div>
          {action}
        </div>
      )}
    >
      <ProFormGroup>
        <ProFormText
          name="organizationName"
          label={t('expert.pastEmployment.organizationName')}
          width="md"
          rules={[{ required: true, message: translate('validation.required', locale) }]}
        />
        <ProFormText
          name="creditCode"
          label={`${t('common.creditCode')} ${t('common.optional')}`}
          width="md"
          normalize={normalizeCreditCodeInput}
          rules={creditCodeRules(locale, false)}
          fieldProps={{ maxLength: 18 }}
        />
        <ProFormDatePicker name="from" label={t('expert.pastEmployment.from')} width="sm" fieldProps={{ format: 'YYYY-MM-DD' }} />
        <ProFormDatePicker name="to" label={t('expert.pastEmployment.to')} width="sm" fieldProps={{ format: 'YYYY-MM-DD' }} />
        <ProFormSelect
          name="relation"
          label={t('expert.pastEmployment.relation')}
          width="sm"
          options={optionsOf(RELATIONS, (c) => enumLabel(t, 'relation', c))}
        />
      </ProFormGroup>
    </ProFormList>
  );
}
