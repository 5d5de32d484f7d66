/** The Chinese the console shows for the API's English names (shared/GLOSSARY.md). */
import { type JurisdictionLevel, levelNames } from '@shequ/domain';
import type { SessionUser } from './trpc.js';

export type Role = SessionUser['role'];

export const roleLabels: Record<Role, string> = {
  systemAdmin: '系统管理员',
  provinceAdmin: '省级管理员',
  cityAdmin: '市级管理员',
  districtAdmin: '区（县）级管理员',
  streetAdmin: '街道（乡镇）管理员',
  communityWorker: '社区工作者',
  auditor: '审计员',
};

/** Roles in order of reach; an administrator may create accounts at or below their own rank. */
export const roleRank: Role[] = [
  'systemAdmin',
  'provinceAdmin',
  'cityAdmin',
  'districtAdmin',
  'streetAdmin',
  'communityWorker',
];

export function isAdmin(role: Role): boolean {
  return role !== 'communityWorker' && role !== 'auditor';
}

/** Roles the signed-in administrator may give: their own rank and below, and the read-only auditor. */
export function assignableRoles(role: Role): Role[] {
  const rank = roleRank.indexOf(role);
  if (rank < 0) return [];
  return [...roleRank.slice(rank), 'auditor'];
}

export function levelLabel(level: string): string {
  return levelNames[level as JurisdictionLevel] ?? level;
}

export const auditActionLabels: Record<string, string> = {
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'auth.changePassword': '修改密码',
  'user.create': '创建账号',
  'user.resetPassword': '重置密码',
  'user.setDisabled': '停用/启用账号',
  'community.updateFacts': '修改社区数据',
  'archive.file': '档案归档',
  'archive.update': '修改档案',
  'archive.attach': '添加档案附件',
  'archive.appraise': '档案鉴定',
  'archive.destroy': '销毁档案',
  'archive.fixityCheck': '档案完整性校验',
  'archive.lend': '档案借出',
  'archive.return': '档案归还',
  'archive.changeCustodian': '更换档案保管人',
  'seal.register': '登记印章',
  'seal.handOverCustody': '移交印章保管',
  'seal.use.request': '申请用印',
  'seal.use.approve': '批准用印',
  'seal.use.stamp': '用印登记',
  'seal.removal.request': '申请印章外带',
  'seal.removal.approve': '批准印章外带',
  'seal.takeOut': '印章外带',
  'seal.bringBack': '印章带回',
  'handover.open': '发起离任移交',
  'handover.recordProblem': '记录移交问题',
  'handover.confirm': '确认离任移交',
};

export const entityTypeLabels: Record<string, string> = {
  user: '账号',
  community: '社区',
  archiveItem: '档案',
  seal: '印章',
  sealRequest: '用印申请',
  handover: '离任移交',
};
