import type { DirectorySource } from '../../domain/directory/directory.types.js';

/** Where a directory value came from, as `/设置` names it. */
export const SOURCE_LABELS: Readonly<Record<DirectorySource, string>> = {
  'org-file': '组织文件',
  chat: '群内设置',
  wecom: '企业微信通讯录',
  dingtalk: '钉钉通讯录',
};
