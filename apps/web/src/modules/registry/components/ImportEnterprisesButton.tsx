import { useState } from 'react';
import { Alert, App, Button, Modal, Table, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type { ImportResult, ImportRowError } from '@qd/core';
import { api, isApiError } from '../../../api/client';
import { useErrorMessage } from '../../../components/useErrorMessage';
import { useT } from '../../../i18n/useT';

type Outcome = { kind: 'imported'; count: number } | { kind: 'rejected'; message: string; rows: ImportRowError[] };

/**
 * Upload of an .xlsx / .csv. The import is all or nothing: when any row is wrong the server
 * imports none and lists every problem, which is shown here so the file can be fixed in one go.
 */
export function ImportEnterprisesButton({ onImported }: { onImported: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function upload(file: File) {
    setBusy(true);
    const hide = message.loading(t('enterprise.importing'), 0);
    try {
      const result = await api.upload<ImportResult>('/enterprises/import', file);
      setOutcome({ kind: 'imported', count: result.imported });
      onImported();
    } catch (error) {
      const rows = isApiError(error) ? (error.body.rows as ImportRowError[] | undefined) : undefined;
      if (isApiError(error) && error.status === 422) {
        setOutcome({ kind: 'rejected', message: error.message, rows: Array.isArray(rows) ? rows : [] });
      } else {
        showError(error);
      }
    } finally {
      hide();
      setBusy(false);
    }
  }

  return (
    <>
      <Upload
        accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
        showUploadList={false}
        maxCount={1}
        beforeUpload={(file) => {
          void upload(file);
          return false; // we send it ourselves, with the CSRF header
        }}
      >
        <Button icon={<UploadOutlined />} loading={busy} data-testid="import-button" title={t('enterprise.importHint')}>
          {t('common.import')}
        </Button>
      </Upload>
      <Modal
        open={outcome !== null}
        title={t('enterprise.importTitle')}
        onCancel={() => setOutcome(null)}
        onOk={() => setOutcome(null)}
        cancelButtonProps={{ style: { display: 'none' } }}
        okText={t('common.confirm')}
        width={outcome?.kind === 'rejected' ? 760 : 420}
      >
        {outcome?.kind === 'imported' && (
          <Alert
            type="success"
            showIcon
            message={t('enterprise.imported', { count: outcome.count })}
            data-testid="import-result"
          />
        )}
        {outcome?.kind === 'rejected' && (
          <div data-testid="import-errors">
            <Alert
              type="error"
              showIcon
              message={outcome.message}
              description={t('enterprise.importFailed')}
              style={{ marginBottom: 16 }}
            />
            <Table<ImportRowError>
              size="small"
              rowKey={(r) => `${r.row}:${r.column}:${r.message}`}
              dataSource={outcome.rows}
              pagination={outcome.rows.length > 10 ? { pageSize: 10 } : false}
              columns={[
                { title: t('enterprise.importRow'), dataIndex: 'row', width: 80 },
                { title: t('enterprise.importColumn'), dataIndex: 'column', width: 180 },
                {
                  title: t('enterprise.importMessage'),
                  dataIndex: 'message',
                  render: (m: string) => <Typography.Text type="danger">{m}</Typography.Text>,
                },
              ]}
            />
          </div>
        )}
      </Modal>
    </>
  );
}
