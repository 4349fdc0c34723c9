import type { SearchProps } from 'antd/es/input';
import { testId } from './test-id';

/**
 * ProTable's toolbar search box: its value goes to the request as `keyword`, the list contract's
 * free-text filter. The placeholder doubles as the accessible name.
 */
export function keywordSearch(placeholder: string): Omit<SearchProps, 'onSearch'> & { name?: string } {
  return testId('keyword-search', {
    name: 'keyword',
    placeholder,
    'aria-label': placeholder,
    allowClear: true,
    style: { width: 280 },
  });
}
