/**
 * Who sees a resident's identity and mobile numbers unmasked: the community's workers, who serve the
 * resident, and the street's administrators, who supervise the cases (the roster's rule in
 * `@shequ/people`). Each full view is audited by the API.
 */
export { maySeePersonalData } from '@shequ/people';

/** How the audit log names the changes to service records. */
export const servicesAuditActionLabels: Record<string, string> = {
  'services.case.open': '受理服务事项',
  'services.case.transfer': '转交服务事项',
  'services.case.note': '登记办理记录',
  'services.case.agency-submitted': '报送代办机构',
  'services.case.agency-answered': '登记代办机构答复',
  'services.case.close': '办结服务事项',
  'services.case.viewFull': '查看居民完整号码',
  'services.feedback.answer': '居民评价',
  'services.visit-target.create': '登记走访对象',
  'services.visit.log': '记录走访',
  'services.volunteer.create': '登记志愿者',
  'services.points.earn': '获得公益积分',
  'services.points.redeem': '兑换公益积分',
};
