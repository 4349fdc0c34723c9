import { Table } from 'antd';
import { SCORING_BANDS, type ItemKind } from '@qd/core';
import { useLocale } from '../../../i18n/useLocale';
import { useT } from '../../../i18n/useT';

/** The six scoring bands of the item's kind (process: ADLI, results: LeTCI), as help beside a score. */
export function BandHelp({ kind }: { kind: ItemKind }) {
  const t = useT();
  const locale = useLocale();
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="min"
      aria-label={t('awards.form.bandHelp')}
      dataSource={SCORING_BANDS.map((b) => ({ ...b }))}
      columns={[
        { title: '%', width: 80, render: (_, b) => `${b.min}–${b.max}` },
        { title: t('awards.form.bandHelp'), render: (_, b) => (locale === 'en-US' ? b[kind].en : b[kind].zh) },
      ]}
    />
  );
}
