import { DrawerForm, ProFormList, ProFormSelect, ProFormText, type ProColumns } from '@ant-design/pro-components';
import { Form, Space, Tag, Tooltip } from 'antd';
import { inspectorInput, translate, type InspectorRecord } from '@qd/core';
import { useCan } from '../../app/auth/useAuth';
import { EditableListPage } from '../../components/EditableListPage';
import { useLocale } from '../../i18n/useLocale';
import { useT } from '../../i18n/useT';
import { useSaveRecord } from '../registry/components/useSaveRecord';
import { useOptions } from './components/useOptions';

/** The inspector directory: certificate, specialty, unit, and ties to enterprises (recusal). */
export default function InspectorsPage() {
  const t = useT();
  const can = useCan();
  const columns: ProColumns<InspectorRecord>[] = [
    { title: t('supervision.inspector.name'), dataIndex: 'name', hideInSearch: true, width: 100 },
    { title: t('supervision.inspector.certificateNo'), dataIndex: 'certificateNo', hideInSearch: true, width: 140 },
    { title: t('supervision.inspector.specialty'), dataIndex: 'specialty', hideInSearch: true, width: 120 },
    { title: t('supervision.inspector.unit'), dataIndex: 'unitName', hideInSearch: true, ellipsis: true },
    {
      title: t('supervision.inspector.ties'),
      dataIndex: 'ties',
      hideInSearch: true,
      render: (_, r) => (
        <Space size={[0, 4]} wrap>
          {r.ties.map((x) => (
            <Tooltip key={x.enterpriseId} title={x.relation}>
              <Tag color="volcano">{x.enterpriseName}</Tag>
            </Tooltip>
          ))}
        </Space>
      ),
    },
    {
      title: t('supervision.inspector.account'),
      dataIndex: 'userId',
      hideInSearch: true,
      width: 90,
      render: (_, r) => (r.userId ? '✓' : ''),
    },
  ];
  return (
    <EditableListPage<InspectorRecord>
      title={t('supervision.inspector.list')}
      path="/supervision/inspectors"
      searchPlaceholder={t('supervision.inspector.search')}
      columns={columns}
      canWrite={can('supervision.manage')}
      renderForm={(record, onClose) => <InspectorForm inspector={record} onClose={onClose} />}
    />
  );
}

interface InspectorValues {
  name: string;
  certificateNo: string;
  specialty: string;
  unitId: string;
  status: string;
  ties: { enterpriseId: string; relation: string }[];
}

function InspectorForm({ inspector, onClose }: { inspector?: InspectorRecord; onClose: (saved: boolean) => void }) {
  const t = useT();
  const locale = useLocale();
  const [form] = Form.useForm<InspectorValues>();
  const save = useSaveRecord('/supervision/inspectors', inspectorInput, locale);
  const departments = useOptions('/departments', (d: { id: string; name: string }) => ({ value: d.id, label: d.name }));
  const enterprises = useOptions('/supervision/targets', (e: { enterpriseId: string; name: string }) => ({
    value: e.enterpriseId,
    label: e.name,
  }));
  const required = [{ required: true, message: translate('validation.required', locale) }];
  return (
    <DrawerForm<InspectorValues>
      open
      width={680}
      title={inspector ? t('supervision.inspector.edit') : t('supervision.inspector.new')}
      form={form}
      drawerProps={{ destroyOnHidden: true, onClose: () => onClose(false) }}
      submitter={{ submitButtonProps: { 'data-testid': 'save-button' } as never }}
      initialValues={
        inspector
          ? { ...inspector, ties: inspector.ties.map((x) => ({ enterpriseId: x.enterpriseId, relation: x.relation })) }
          : { status: 'active', ties: [] }
      }
      onFinish={async (values) => {
        const saved = await save(form, inspector?.id, { ...values, userId: inspector?.userId ?? null, ties: values.ties ?? [] });
        if (saved) onClose(true);
        return saved;
      }}
    >
      <ProFormText name="name" label={t('supervision.inspector.name')} rules={required} width="md" />
      <ProFormText name="certificateNo" label={t('supervision.inspector.certificateNo')} rules={required} width="md" />
      <ProFormText name="specialty" label={t('supervision.inspector.specialty')} rules={required} width="md" />
      <ProFormSelect name="unitId" label={t('supervision.inspector.unit')} options={departments} rules={required} showSearch />
      <ProFormList
        name="ties"
        label={t('supervision.inspector.ties')}
        creatorButtonProps={{ creatorButtonText: t('supervision.inspector.addTie') }}
      >
        <Space align="start">
          <ProFormSelect
            name="enterpriseId"
            options={enterprises}
            showSearch
            width="md"
            rules={required}
            placeholder={t('supervision.inspection.enterprise')}
          />
          <ProFormText name="relation" width="md" rules={required} placeholder={t('supervision.inspector.relation')} />
        </Space>
      </ProFormList>
    </DrawerForm>
  );
}
