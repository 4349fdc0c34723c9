import { useQueryClient } from '@tanstack/react-query';
import { App, type FormInstance } from 'antd';
import type { Locale } from '@qd/core';
import { api } from '../../../api/client';
import { checkWithContract, showServerFieldErrors, type Contract } from '../../../components/form-errors';
import { useErrorMessage } from '../../../components/useErrorMessage';
import { useT } from '../../../i18n/useT';

/**
 * Create-or-update of a registry record from a modal form: checked with the core contract,
 * POSTed or PUT, server field errors put back on the form. Resolves true when saved (which
 * closes the modal).
 */
export function useSaveRecord<T>(path: string, contract: Contract<T>, locale: Locale) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const queryClient = useQueryClient();

  return async (form: FormInstance, id: string | undefined, values: unknown): Promise<boolean> => {
    const input = checkWithContract(contract, values, form, locale);
    if (!input) return false;
    try {
      if (id) await api.put(`${path}/${id}`, input);
      else await api.post(path, input);
      void message.success(id ? t('common.saved') : t('common.created'));
      void queryClient.invalidateQueries({ queryKey: ['registry', 'summary'] });
      return true;
    } catch (error) {
      if (!showServerFieldErrors(form, error)) showError(error);
      return false;
    }
  };
}
