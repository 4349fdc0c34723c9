import { Link } from 'react-router';
import { Card, Col, Empty, Row, Typography } from 'antd';
import { useT } from '../../i18n/useT';
import { PUBLIC_LINKS } from './public-links';

/** The public index: every module's public page, for citizens, enterprises and observers. */
export default function PortalPage() {
  const t = useT();
  return (
    <>
      <Typography.Title level={2}>{t('portal.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('portal.intro')}</Typography.Paragraph>
      {PUBLIC_LINKS.length === 0 ? (
        <Empty description={t('portal.empty')} />
      ) : (
        <Row gutter={[16, 16]}>
          {PUBLIC_LINKS.map((link) => (
            <Col key={link.path} xs={24} md={12} xl={8}>
              <Link to={link.path}>
                <Card hoverable title={t(link.title)} data-testid={`public-link-${link.path}`}>
                  <Typography.Paragraph style={{ marginBottom: 0 }}>{t(link.description)}</Typography.Paragraph>
                </Card>
              </Link>
            </Col>
          ))}
        </Row>
      )}
    </>
  );
}
