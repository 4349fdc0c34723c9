import { lazy, Suspense, type ComponentType } from 'react';
import type { ResultProps } from 'antd';
import { Flex, Typography } from 'antd';

/**
 * Shown only when the page that holds the result cannot be reached: the title, the explanation
 * and the actions, without antd's illustration.
 */
function PlainResult({ title, subTitle, extra }: ResultProps) {
  return (
    <Flex vertical align="center" gap={8} style={{ padding: '48px 32px', textAlign: 'center' }}>
      <Typography.Title level={3}>{title}</Typography.Title>
      {subTitle && <Typography.Text type="secondary">{subTitle}</Typography.Text>}
      {extra}
    </Flex>
  );
}

/**
 * antd's Result (403, 404, "reload the page") carries its illustrations, a tenth of what the login
 * page would download, for pages almost nobody sees; it is fetched when one is shown. Should that
 * fetch fail too (a new release removed the chunk of an open tab, the case RouteError reports),
 * the same words and buttons are shown plainly.
 */
const AntdResult = lazy((): Promise<{ default: ComponentType<ResultProps> }> =>
  import('antd/es/result').catch(() => ({ default: PlainResult })),
);

export function LazyResult(props: ResultProps) {
  return (
    <Suspense fallback={null}>
      <AntdResult {...props} />
    </Suspense>
  );
}
