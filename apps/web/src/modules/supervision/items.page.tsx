import {
  DrawerForm,
  ProFormDigit,
  ProFormSelect,
  ProFormText,
  ProFormTextArea,
  type ProColumns,
} from '@ant-design/pro-components';
import { Form, Tag } from 'antd';
import {
  RISK_CLASSES,
  SUPERVISION_ITEM_KINDS,
  TARGET_TYPES,
  inspectionItemInput,
  translate,
  type InspectionItem,
} from '@qd/core';
import { useCan } from '../../app/auth/useAuth';
import { EditableListPage } from '../../components/EditableListPage';
import { useLocale } from '../../i18n/useLocale';
import { useT } from '../../i18n/useT';
import { useSaveRecord } from '../registry/components/useSaveRecord';
import { svLabel, svOptions } from './components/sv-label';

/** The inspection-item list (随机抽查事项清单) with its risk-based ratios. */
export default function ItemsPage() {
  const t = useT();
  const can = useCan();
  const columns: ProColumns<InspectionItem>[] = [
    { title: t('supervision.item.code'), dataIndex: 'code', width: 110, hideInSearch: true },
    { title: t('supervision.item.name'), dataIndex: 'name', hideInSearch: true },
    { title: t('supervision.item.legalBasis'), dataIndex: 'legalBasis', hideInSearch: true, ellipsis: true },
    {
      title: t('supervision.item.kind'),
      dataIndex: 'kind',
      hideInSearch: true,
      width: 90,
      render: (_, r) => <Tag color={r.kind === 'key' ? 'red' : 'default'}>{svLabel(t, 'itemKind', r.kind)}</Tag>,
    },
    { title: t('supervision.item.frequency'), dataIndex: 'frequency', hideInSearch: true, width: 100 },
    {
      title: t('supervision.item.ratios'),
      dataIndex: 'ratioBp',
      hideInSearch: true,
      render: (_, r) => RISK_CLASSES.map((c) => `${svLabel(t, 'riskClass', c)} ${r.ratioBp[c] / 100}%`).join(' / '),
    },
  ];
  return (
    <EditableListPage<InspectionItem>
      title={t('supervision.item.list')}
      path="/supervision/items"
      searchPlaceholder={t('supervision.item.search')}
      columns={columns}
      canWrite={can('supervision.manage')}
      renderForm={(record, onClose) => <ItemForm item={record} onClose={onClose} />}
    />
  );
}

type ItemValues = Omit<InspectionItem, 'id' | 'regionCode' | 'createdAt' | 'ratioBp'> &
  Record<(typeof RISK_CLASSES)[number], number>;

function ItemForm({ item, onClose }: { item?: InspectionItem; onClose: (saved: boolean) => void }) {
  const t = useT();
  const locale = useLocale();
  const [form] = Form.useForm<ItemValues>();
  const save = useSaveRecord('/supervision/items', inspectionItemInput, locale);
  const required = [{ required: true, message: translate('validation.required', locale) }];
  const percent = (bp: number | undefined) => (bp ?? 0) / 100;
  return (
    <DrawerForm<ItemValues>
      open
      width={640}
      title={item ? t('supervision.item.edit') : t('supervision.item.new')}
      form={form}
      drawerProps={{ destroyOnHidden: true, onClose: () => onClose(false) }}
      submitter={{ submitButtonProps: { 'data-testid': 'save-button' } as never }}
      initialValues={
        item
          ? {
              ...item,
              high: percent(item.ratioBp.high),
              mediumHigh: percent(item.ratioBp.mediumHigh),
              medium: percent(item.ratioBp.medium),
              low: percent(item.ratioBp.low),
            }
          : { kind: 'general', targetType: 'enterprise', status: 'active', high: 30, mediumHigh: 10, medium: 2, low: 1 }
      }
      onFinish={async (v) => {
        const body = {
          code: v.code,
          name: v.name,
          legalBasis: v.legalBasis,
          targetType: v.targetType,
          kind: v.kind,
          frequency: v.frequency,
          status: v.status,
          ratioBp: Object.fromEntries(RISK_CLASSES.map((c) => [c, Math.round((v[c] ?? 0) * 100)])),
        };
        const saved = await save(form, item?.id, body);
        if (saved) onClose(true);
        return saved;
      }}
    >
      <ProFormText name="code" label={t('supervision.item.code')} rules={required} width="md" />
      <ProFormText name="name" label={t('supervision.item.name')} rules={required} />
      <ProFormTextArea name="legalBasis" label={t('supervision.item.legalBasis')} rules={required} />
      <ProFormSelect
        name="targetType"
        label={t('supervision.item.targetType')}
        options={svOptions(t, 'targetType', TARGET_TYPES)}
        width="md"
      />
      <ProFormSelect
        name="kind"
        label={t('supervision.item.kind')}
        options={svOptions(t, 'itemKind', SUPERVISION_ITEM_KINDS)}
        width="md"
      />
      <ProFormText name="frequency" label={t('supervision.item.frequency')} rules={required} width="md" />
      {RISK_CLASSES.map((c) => (
        <ProFormDigit
          key={c}
          name={c}
          label={`${svLabel(t, 'riskClass', c)} %`}
          min={0}
          max={100}
          fieldProps={{ precision: 2 }}
          width="sm"
        />
      ))}
    </DrawerForm>
  );
}
