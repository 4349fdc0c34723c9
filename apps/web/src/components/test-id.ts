/**
 * A `data-testid` for props objects (antd's `submitButtonProps`, `fieldProps`): JSX accepts
 * data-* attributes anywhere, object types don't, although antd passes them to the element.
 */
export function testId<T extends object>(id: string, props?: T): T {
  return { ...props, 'data-testid': id } as T;
}
