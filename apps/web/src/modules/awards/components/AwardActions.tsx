import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Input, Select, Space } from 'antd';
import { api } from '../../../api/client';
import { useErrorMessage } from '../../../components/useErrorMessage';
import { useT } from '../../../i18n/useT';

/** After the award: revocation with the reason, and the recommendation of a winner to the next level. */
export function AwardActions({ applicationId, winner }: { applicationId: string; winner: boolean }) {
  const t = useT();
  const { modal, message } = App.useApp();
  const showError = useErrorMessage();
  const queryClient = useQueryClient();
  const [target, setTarget] = useState<string>();
  const next = useQuery({
    queryKey: ['awards', 'next-level', applicationId],
    queryFn: () =>
      api.get<{ id: string; code: string; year: number }[]>(`/awards/applications/${applicationId}/next-level-cycles`),
    enabled: winner,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['awards'] });
  const revoke = () => {
    let comment = '';
    modal.confirm({
      title: t('awards.revoke'),
      content: <Input.TextArea aria-label={t('awards.action.reason')} onChange={(e) => (comment = e.target.value)} />,
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await api.post(`/awards/applications/${applicationId}/transitions`, { transition: 'revoke', comment });
          void refresh();
        } catch (err) {
          showError(err);
        }
      },
    });
  };
  const recommend = async () => {
    try {
      await api.post(`/awards/applications/${applicationId}/recommend-next`, { cycleId: target });
      void message.success(t('awards.recommendNext.done'));
      void refresh();
    } catch (err) {
      showError(err);
    }
  };
  return (
    <Space wrap>
      {winner && (next.data ?? []).length > 0 && (
        <>
          <Select
            style={{ width: 240 }}
            placeholder={t('awards.recommendNext')}
            aria-label={t('awards.recommendNext')}
            value={target}
            onChange={setTarget}
            options={(next.data ?? []).map((c) => ({ value: c.id, label: `${c.code} (${c.year})` }))}
          />
          <Button disabled={!target} onClick={recommend}>
            {t('awards.recommendNext')}
          </Button>
        </>
      )}
      <Button danger onClick={revoke}>
        {t('awards.revoke')}
      </Button>
    </Space>
  );
}
