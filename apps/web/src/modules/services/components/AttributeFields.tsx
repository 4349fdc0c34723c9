import { ProFormDateTimePicker, ProFormDigit, ProFormSelect, ProFormText, ProFormTextArea } from '@ant-design/pro-components';
import { translate, type AttributeDefinition } from '@qd/core';
import { useLocale } from '../../../i18n/useLocale';

/** The form fields a service asks for, one per typed attribute, named `attributes.<code>`. */
export function AttributeFields({ attributes }: { attributes: AttributeDefinition[] }) {
  const locale = useLocale();
  return (
    <>
      {[...attributes]
        .sort((a, b) => a.order - b.order)
        .map((a) => {
          const common = {
            key: a.code,
            name: ['attributes', a.code],
            label: a.name,
            tooltip: a.hint ?? undefined,
            rules: a.required ? [{ required: true, message: translate('validation.required', locale) }] : [],
          };
          switch (a.datatype) {
            case 'number':
              return <ProFormDigit {...common} fieldProps={{ style: { width: '100%' } }} />;
            case 'datetime':
              return <ProFormDateTimePicker {...common} fieldProps={{ format: 'YYYY-MM-DD HH:mm' }} />;
            case 'text':
              return <ProFormTextArea {...common} fieldProps={{ maxLength: 4000, rows: 3 }} />;
            case 'singlevaluelist':
              return <ProFormSelect {...common} options={a.values.map((v) => ({ value: v.key, label: v.name }))} />;
            case 'multivaluelist':
              return (
                <ProFormSelect {...common} mode="multiple" options={a.values.map((v) => ({ value: v.key, label: v.name }))} />
              );
            default:
              return <ProFormText {...common} fieldProps={{ maxLength: 200 }} />;
          }
        })}
    </>
  );
}
