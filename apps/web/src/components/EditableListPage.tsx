import { useRef, useState, type ReactNode } from 'react';
import { PageContainer, ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { Button } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { fetchPage, toListQuery } from '../api/pro-table';
import { useT } from '../i18n/useT';
import { keywordSearch } from './keyword-search';
import { useErrorMessage } from './useErrorMessage';

interface EditableListPageProps<T extends { id: string; name: string }> {
  title: string;
  /** The list endpoint under /api/v1, e.g. `/departments`. */
  path: string;
  searchPlaceholder: string;
  columns: ProColumns<T>[];
  /** Whether the user may create and edit: adds the action column and the create button. */
  canWrite: boolean;
  /** The create/edit dialog; `record` is undefined for a new one. */
  renderForm: (record: T | undefined, onClose: (saved: boolean) => void) => ReactNode;
}

/**
 * A server-paged registry list whose rows are created and edited in a dialog — the shape the
 * departments, institutions and experts pages share, written once.
 */
export function EditableListPage<T extends { id: string; name: string }>(props: EditableListPageProps<T>) {
  const t = useT();
  const showError = useErrorMessage();
  const actionRef = useRef<ActionType>(undefined);
  const [editing, setEditing] = useState<T | 'new' | null>(null);

  const actionColumn: ProColumns<T> = {
    title: t('common.actions'),
    valueType: 'option',
    width: 100,
    render: (_, row) => (
      <Button
        type="link"
        size="small"
        icon={<EditOutlined />}
        onClick={() => setEditing(row)}
        aria-label={`${t('common.edit')} ${row.name}`}
      >
        {t('common.edit')}
      </Button>
    ),
  };

  return (
    <PageContainer title={props.title}>
      <ProTable<T>
        rowKey="id"
        onRequestError={showError}
        actionRef={actionRef}
        columns={props.canWrite ? [...props.columns, actionColumn] : props.columns}
        search={{ labelWidth: 'auto' }}
        pagination={{ defaultPageSize: 20, showTotal: (total) => t('common.total', { total }) }}
        request={(params, sort) => fetchPage<T>(props.path, toListQuery(params, sort))}
        options={{ search: keywordSearch(props.searchPlaceholder), reload: true, density: false, setting: false }}
        toolBarRender={() =>
          props.canWrite
            ? [
                <Button
                  key="create"
                  type="primary"
                  icon={<PlusOutlined />}
                  onClick={() => setEditing('new')}
                  data-testid="create-button"
                >
                  {t('common.create')}
                </Button>,
              ]
            : []
        }
      />
      {editing &&
        props.renderForm(editing === 'new' ? undefined : editing, (saved) => {
          setEditing(null);
          if (saved) actionRef.current?.reload();
        })}
    </PageContainer>
  );
}
