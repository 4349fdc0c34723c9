import { useEffect, useState, type ReactNode } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
// The ES build of the locales: `antd/locale/*` is CommonJS, whose default import arrives
// wrapped once more, and antd then silently falls back to English.
import enUSAntd from 'antd/es/locale/en_US';
import zhCNAntd from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import { isApiError } from '../api/client';
import { useLocale } from '../i18n/useLocale';
import { themeFor } from './theme';
import { useElderMode } from './useElderMode';

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // A 4xx will not get better by asking again.
        retry: (count, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && count < 2,
      },
    },
  });
}

/**
 * antd's `<App>` (the context of `App.useApp()`'s message, modal and notification) is not here but
 * in the two frames that hold pages using it, AppShell and PublicLayout: it brings Modal and
 * Notification, which the login page does not need.
 *
 * Everything that depends on the two user preferences: the language (antd, ProComponents and
 * dayjs follow it; `<html lang>` too, for screen readers) and elder mode (the theme).
 */
export function AppProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  const locale = useLocale();
  const [elderMode] = useElderMode();

  // Set during render so that dates formatted in this render already use the new language.
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = locale === 'zh-CN' ? '质量强区数字化平台' : 'Quality District';
  }, [locale]);

  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={locale === 'zh-CN' ? zhCNAntd : enUSAntd} theme={themeFor(elderMode)}>
        {children}
      </ConfigProvider>
    </QueryClientProvider>
  );
}
