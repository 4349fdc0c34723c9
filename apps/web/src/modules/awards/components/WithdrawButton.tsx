import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Input } from 'antd';
import { api } from '../../../api/client';
import { useErrorMessage } from '../../../components/useErrorMessage';
import { useT } from '../../../i18n/useT';

/**
 * The enterprise withdraws its own application (any time before the committee's proposal), with
 * an optional reason kept in the history. The server applies the machine's `withdraw` step.
 */
export function WithdrawButton({ applicationId }: { applicationId: string }) {
  const t = useT();
  const { modal, message } = App.useApp();
  const showError = useErrorMessage();
  const queryClient = useQueryClient();
  const withdraw = () => {
    let comment = '';
    modal.confirm({
      title: t('awards.withdraw.title'),
      content: (
        <>
          <p>{t('awards.withdraw.warning')}</p>
          <Input.TextArea
            aria-label={t('awards.withdraw.reason')}
            placeholder={t('awards.withdraw.reason')}
            onChange={(e) => (comment = e.target.value)}
          />
        </>
      ),
      okText: t('awards.withdraw'),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await api.post(`/awards/applications/${applicationId}/transitions`, {
            transition: 'withdraw',
            comment: comment || null,
          });
          void message.success(t('awards.withdraw.done'));
          void queryClient.invalidateQueries({ queryKey: ['awards'] });
        } catch (err) {
          showError(err);
        }
      },
    });
  };
  return (
    <Button danger onClick={withdraw} data-testid="withdraw">
      {t('awards.withdraw')}
    </Button>
  );
}
