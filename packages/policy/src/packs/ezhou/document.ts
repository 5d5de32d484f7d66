/**
 * 鄂州市城市社区工作规则（试行） (`sources/ezhou.txt`): 中共鄂州市委、鄂州市人民政府, in force from 2019-12-02
 * (第四十四条: 自印发之日起实施). The rule covers urban communities only (第二条).
 */
import { citeFrom, parametersFrom } from '../../engine/index.js';

export const EZHOU_DOCUMENT = '鄂州市城市社区工作规则（试行）';
export const EZHOU_IN_FORCE = '2019-12-02';
export const cite = citeFrom(EZHOU_DOCUMENT);
export const ezhouParameter = parametersFrom(cite, EZHOU_IN_FORCE);
