import { App } from 'antd';
import { useCallback } from 'react';
import { isApiError } from '../api/client';
import { useT } from '../i18n/useT';

/**
 * Shows a failed request's message (already in the UI language, from the server). A 401 is not
 * shown: the client has already sent the user to the login page.
 */
export function useErrorMessage(): (error: unknown) => void {
  const { message } = App.useApp();
  const t = useT();
  return useCallback(
    (error: unknown) => {
      if (isApiError(error) && error.status === 401) return;
      const text = error instanceof Error ? error.message : String(error);
      void message.error(isApiError(error) ? text : t('common.requestFailed', { message: text }));
    },
    [message, t],
  );
}
