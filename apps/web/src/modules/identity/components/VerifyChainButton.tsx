import { useState } from 'react';
import { App, Button } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { AuditVerifyResult } from '@qd/core';
import { api } from '../../../api/client';
import { useErrorMessage } from '../../../components/useErrorMessage';
import { useT } from '../../../i18n/useT';

/**
 * Re-computes the hash chain of the audit log on the server. A break means a row was changed
 * or removed after it was written.
 */
export function VerifyChainButton() {
  const t = useT();
  const { modal } = App.useApp();
  const showError = useErrorMessage();
  const [busy, setBusy] = useState(false);

  async function verify() {
    setBusy(true);
    try {
      const result = await api.post<AuditVerifyResult>('/audit/verify');
      if (result.ok) {
        modal.success({
          title: t('audit.verifyTitle'),
          content: <span data-testid="verify-result">{t('audit.verifyOk', { checked: result.checked })}</span>,
        });
      } else {
        modal.error({
          title: t('audit.verifyTitle'),
          content: (
            <span data-testid="verify-result">
              {t('audit.verifyBroken', { seq: result.firstBrokenSeq ?? '?', reason: result.reason ?? '' })}
            </span>
          ),
        });
      }
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Button icon={<SafetyCertificateOutlined />} loading={busy} onClick={verify} data-testid="verify-chain">
      {t('audit.verify')}
    </Button>
  );
}
