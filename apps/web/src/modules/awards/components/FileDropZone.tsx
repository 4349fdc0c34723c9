import { InboxOutlined } from '@ant-design/icons';
import { Upload } from 'antd';
import { useErrorMessage } from '../../../components/useErrorMessage';

/**
 * A drop zone that hands each chosen file to `upload` (which sends it to the platform file store)
 * and shows the server's refusal (size, type, checksum) as a message. The caller lists the files.
 */
export function FileDropZone({ upload, hint }: { upload: (file: File) => Promise<void>; hint: string }) {
  const showError = useErrorMessage();
  return (
    <Upload.Dragger
      name="file"
      multiple
      showUploadList={false}
      customRequest={async (options) => {
        try {
          await upload(options.file as File);
          options.onSuccess?.({});
        } catch (err) {
          showError(err);
          options.onError?.(err as Error);
        }
      }}
    >
      <p className="ant-upload-drag-icon">
        <InboxOutlined />
      </p>
      <p>{hint}</p>
    </Upload.Dragger>
  );
}
