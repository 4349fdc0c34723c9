import { App, type FormInstance } from 'antd';
import { showServerFieldErrors } from '../../../components/form-errors';
import { useErrorMessage } from '../../../components/useErrorMessage';

/**
 * Runs one user-administration call from a modal form: success message and table reload on
 * success, server field errors on the form otherwise. Resolves true to close the modal.
 */
export function useUserAction(onDone: () => void) {
  const { message } = App.useApp();
  const showError = useErrorMessage();
  return async (form: FormInstance | null, call: () => Promise<unknown>, successText: string): Promise<boolean> => {
    try {
      await call();
      void message.success(successText);
      onDone();
      return true;
    } catch (error) {
      if (!form || !showServerFieldErrors(form, error)) showError(error);
      return false;
    }
  };
}
