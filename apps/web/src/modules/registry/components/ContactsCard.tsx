import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ModalForm, ProFormSwitch, ProFormText } from '@ant-design/pro-components';
import { App, Button, Card, Form, Popconfirm, Space, Table, Tag, Tooltip } from 'antd';
import { DeleteOutlined, EditOutlined, EyeOutlined, PlusOutlined } from '@ant-design/icons';
import { contactInput, contactUpdateInput, type Contact } from '@qd/core';
import { api } from '../../../api/client';
import { useCan } from '../../../app/auth/useAuth';
import { checkWithContract, showServerFieldErrors } from '../../../components/form-errors';
import { useErrorMessage } from '../../../components/useErrorMessage';
import { useLocale } from '../../../i18n/useLocale';
import { useT } from '../../../i18n/useT';

interface ContactValues {
  name: string;
  position?: string;
  phone?: string;
  email?: string;
  isPrimary?: boolean;
}

/**
 * The contact persons of one organization. Phones arrive masked (138****5678); the full number
 * comes only from the reveal call, which needs its own permission and is audited by the server.
 */
export function ContactsCard({ organizationId }: { organizationId: string }) {
  const t = useT();
  const can = useCan();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const [revealed, setRevealed] = useState<Record<string, string>>({});
  const queryKey = ['organization', organizationId, 'contacts'];
  const contacts = useQuery({ queryKey, queryFn: () => api.get<Contact[]>(`/organizations/${organizationId}/contacts`) });

  const reveal = useMutation({
    mutationFn: (id: string) => api.post<{ id: string; phone: string }>(`/contacts/${id}/reveal`),
    onSuccess: (result) => setRevealed((all) => ({ ...all, [result.id]: result.phone })),
    onError: showError,
  });
  const remove = useMutation({
    mutationFn: (id: string) => api.delete(`/contacts/${id}`),
    onSuccess: () => {
      void message.success(t('common.deleted'));
      void queryClient.invalidateQueries({ queryKey });
    },
    onError: showError,
  });

  const canWrite = can('registry.contact.write');
  const canReveal = can('registry.contact.reveal');
  const refresh = () => queryClient.invalidateQueries({ queryKey });

  return (
    <Card
      title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('contact.title')}</h2>}
      extra={
        canWrite && (
          <ContactForm
            organizationId={organizationId}
            onSaved={refresh}
            trigger={
              <Button icon={<PlusOutlined />} data-testid="add-contact">
                {t('contact.add')}
              </Button>
            }
          />
        )
      }
    >
      <Table<Contact>
        rowKey="id"
        size="small"
        loading={contacts.isLoading}
        dataSource={contacts.data ?? []}
        pagination={false}
        locale={{ emptyText: t('contact.empty') }}
        columns={[
          {
            title: t('contact.name'),
            dataIndex: 'name',
            render: (name: string, row) => (
              <Space>
                {name}
                {row.isPrimary && <Tag color="blue">{t('contact.isPrimary')}</Tag>}
              </Space>
            ),
          },
          { title: t('contact.position'), dataIndex: 'position', render: (v: string | null) => v ?? t('common.none') },
          {
            title: t('contact.phone'),
            dataIndex: 'phone',
            render: (phone: string | null, row) => (
              <Space>
                <span data-testid="contact-phone">{revealed[row.id] ?? phone ?? t('common.none')}</span>
                {canReveal && phone && !revealed[row.id] && (
                  <Button
                    size="small"
                    type="link"
                    icon={<EyeOutlined />}
                    loading={reveal.isPending && reveal.variables === row.id}
                    onClick={() => reveal.mutate(row.id)}
                    aria-label={t('contact.revealLabel', { name: row.name })}
                  >
                    {t('contact.reveal')}
                  </Button>
                )}
              </Space>
            ),
          },
          { title: t('contact.email'), dataIndex: 'email', render: (v: string | null) => v ?? t('common.none') },
          ...(canWrite
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 120,
                  render: (_: unknown, row: Contact) => (
                    <Space size={0}>
                      <ContactForm
                        organizationId={organizationId}
                        contact={row}
                        onSaved={refresh}
                        trigger={
                          <Tooltip title={t('common.edit')}>
                            <Button
                              type="text"
                              size="small"
                              icon={<EditOutlined />}
                              aria-label={`${t('common.edit')} ${row.name}`}
                            />
                          </Tooltip>
                        }
                      />
                      <Popconfirm title={t('common.deleteConfirm')} onConfirm={() => remove.mutate(row.id)}>
                        <Button
                          type="text"
                          size="small"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={`${t('common.delete')} ${row.name}`}
                        />
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

function ContactForm({
  organizationId,
  contact,
  trigger,
  onSaved,
}: {
  organizationId: string;
  contact?: Contact;
  trigger: React.JSX.Element;
  onSaved: () => void;
}) {
  const t = useT();
  const locale = useLocale();
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const [form] = Form.useForm<ContactValues>();
  const editing = !!contact;

  async function submit(values: ContactValues) {
    // Phone and e-mail arrive masked and cannot be sent back: on edit an empty field means
    // "keep the stored value", so it is left out of the request.
    const body = {
      name: values.name,
      position: values.position || null,
      isPrimary: !!values.isPrimary,
      ...(values.phone ? { phone: values.phone } : {}),
      ...(values.email ? { email: values.email } : editing ? {} : { email: null }),
    };
    const schema = editing ? contactUpdateInput : contactInput;
    if (!checkWithContract(schema, body, form, locale)) return false;
    try {
      if (contact) await api.put(`/contacts/${contact.id}`, body);
      else await api.post(`/organizations/${organizationId}/contacts`, body);
      void message.success(t('common.saved'));
      onSaved();
      return true;
    } catch (error) {
      if (!showServerFieldErrors(form, error)) showError(error);
      return false;
    }
  }

  return (
    <ModalForm<ContactValues>
      title={editing ? t('contact.editTitle') : t('contact.add')}
      trigger={trigger}
      form={form}
      modalProps={{ destroyOnHidden: true }}
      initialValues={
        contact
          ? { name: contact.name, position: contact.position ?? undefined, isPrimary: contact.isPrimary }
          : { isPrimary: false }
      }
      onFinish={submit}
    >
      <ProFormText name="name" label={t('contact.name')} rules={[{ required: true }]} />
      <ProFormText name="position" label={t('contact.position')} />
      <ProFormText
        name="phone"
        label={t('contact.phone')}
        rules={editing ? [] : [{ required: true }]}
        placeholder={contact?.phone ? t('common.keepMasked', { masked: contact.phone }) : undefined}
        fieldProps={{ autoComplete: 'off', inputMode: 'tel' }}
      />
      <ProFormText
        name="email"
        label={t('contact.email')}
        placeholder={contact?.email ? t('common.keepMasked', { masked: contact.email }) : undefined}
        fieldProps={{ inputMode: 'email' }}
      />
      <ProFormSwitch name="isPrimary" label={t('contact.isPrimary')} />
    </ModalForm>
  );
}
