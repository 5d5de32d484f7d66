/**
 * The articles this package implements, quoted from the regulations (packages/policy/sources), with
 * each document's date of entry into force, so every refusal and finding can say which rule it applies.
 */
import { citeDocument } from '@shequ/domain';
import type { Citation } from '@shequ/people';

export type { Citation } from '@shequ/people';
export { citeInline } from '@shequ/people';

export const citations = {
  /** The worker who first receives a question is responsible until it is solved or closed. */
  ezhouFirstResponder: citeDocument.ezhou(
    '第二十五条（一）',
    '居民向社区咨询政策、反映问题时，首次接待的社区工作者即为首问责任人，不属于本人职责范围的，应当及时转交相关人员办理，始终跟踪协调，直到问题解决或结案。',
  ),
  /** Ezhou's four service windows and what each receives. */
  ezhouWindows: citeDocument.ezhou(
    '第二十五条（二）',
    '社区“党建与综治”服务窗口负责受理党的建设、党组织日常事务和社会治安综合治理、安全、维稳等服务需求；“民生与保障窗口”服务窗口负责受理就业、医疗、社保、救助、福利、健康、残疾人等服务需求；“事务与民俗”服务窗口负责受理教育、培训、婚姻、丧葬、文化、体育、民风民俗、社会组织、社工人才、物业管理、环境卫生等服务需求；“代办与其他”服务窗口负责受理行动不便居民的行政事务代办……',
  ),
  /** Service commitments (time among them); the three must-attend events and five must-visit households. */
  ezhouCommitmentsAndVisits: citeDocument.ezhou(
    '第二十五条（三）',
    '社区应建立服务承诺制度，承诺的内容应包括：服务事项、态度、时间、标准、结果等。应实行“三必到、五必访”，做到居民有突发事件必到、有不满情绪必到、有家庭纠纷必到，困难家庭必访、特困病人必访、留守困难人员必访、刑释解教人员必访、孤寡老人必访。',
  ),
  /** Priority or home service for the old, weak, sick and disabled. */
  ezhouPriority: citeDocument.ezhou('第二十五条（四）', '对老弱病残等特殊群体，应当优先办理或上门服务'),
  /** The service window of a community. */
  city2013Window: citeDocument.city2013(
    '第二十七条',
    '社区服务管理机构应当根据社区服务管理的需要设立集中办事服务窗口',
  ),
  /** One-stop service and first-question responsibility at the window. */
  city2013FirstResponder: citeDocument.city2013(
    '第二十八条',
    '社区集中办事服务窗口实行办事公开、一站办理和首问责任等制度根据群众需要可以采取错时、预约等灵活多样的服务方式和手段满足社区居民的需求。',
  ),
  /** The service hotline. */
  city2013Hotline: citeDocument.city2013('第三十二条', '开通服务热线反馈社区居民意见及时解决社区问题。'),
  /** Help for the old, young, sick and disabled. */
  city2013Vulnerable: citeDocument.city2013(
    '第三十五条',
    '鼓励和支持驻社区单位、社区居民开展邻里互助等自助活动对社区老幼病残等困难群体提供救助。',
  ),
  /** A complaint is handled and its outcome told to the complainant. */
  city2013Complaints: citeDocument.city2013(
    '第四十四条',
    '受理投诉的部门或者机构应当及时处理并且将处理结果告知投诉人。',
  ),
  /** The volunteer registry and its fields. */
  ezhouVolunteers: citeDocument.ezhou(
    '第三十二条',
    '社区应建立志愿者信息库，根据志愿者个人志愿、年龄、性别、时间、技能、身体状况等条件，组织志愿者开展常态化公益活动',
  ),
  /** Welfare points earned and redeemed. */
  ezhouPoints: citeDocument.ezhou(
    '第三十三条',
    '组织各种形式的公益性活动、开展公益积分和积分兑换、组织志愿服务等',
  ),
  /** Volunteer registration, records of service and service savings (the time bank). */
  weihaiTimeBank: citeDocument.weihai(
    '二（九）',
    '推行社区志愿者注册登记制度、志愿服务记录制度、志愿服务储蓄制度和服务效益评估制度等',
  ),
} as const satisfies Record<string, Citation>;

export type CitationKey = keyof typeof citations;
