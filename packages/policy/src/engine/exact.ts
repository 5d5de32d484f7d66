/**
 * Exact arithmetic on the figures rules compare: areas, money, shares and rates as the decimals
 * people write them (893.4 平方米, 0.7, 3.6万元). A JavaScript number holds the decimal a snapshot or
 * a parameter gave as the nearest binary fraction; multiplying or dividing those fractions adds a
 * rounding error (3220 ÷ 100 × 50 = 1610.0000000000002), and an error at a boundary turns a
 * community exactly at a minimum into a failure. The helpers here read every number as the shortest
 * decimal that prints as it (what the user wrote) and compute on integers: plain numbers while
 * every figure is an integer and the products stay below 2⁵³, which is the common case and as fast as
 * `*`, else `BigInt` on the decimals' digits.
 */

/** A decimal as an integer of digits and a power of ten: 893.4 → { digits: 8934n, scale: 1 }. */
interface Decimal {
  digits: bigint;
  /** The number is digits × 10^-scale. */
  scale: number;
}

const decimalPattern = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/;

function decimalOf(n: number): Decimal {
  if (!Number.isFinite(n)) throw new RangeError(`不是有限数值：${n}`);
  const match = decimalPattern.exec(String(n));
  if (!match) throw new RangeError(`无法读取数值：${n}`);
  const [, sign, whole, fraction = '', exponent = '0'] = match;
  const digits = BigInt(`${sign}${whole}${fraction}`);
  return { digits, scale: fraction.length - Number(exponent) };
}

const pow10 = (n: number) => 10n ** BigInt(n);

/** Both decimals as integers at one scale. */
function aligned(a: Decimal, b: Decimal): [bigint, bigint, number] {
  if (a.scale === b.scale) return [a.digits, b.digits, a.scale];
  if (a.scale > b.scale) return [a.digits, b.digits * pow10(a.scale - b.scale), a.scale];
  return [a.digits * pow10(b.scale - a.scale), b.digits, b.scale];
}

function productOf(factors: readonly number[]): Decimal {
  let digits = 1n;
  let scale = 0;
  for (const f of factors) {
    const d = decimalOf(f);
    digits *= d.digits;
    scale += d.scale;
  }
  return { digits, scale };
}

const powers = [1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000];
/** Below this, a decimal with up to 8 places is told apart from its neighbours by the number it becomes. */
const EXACT_LIMIT = 2 ** 52;

/**
 * `n` as an integer count of 10^-places, when it has at most 8 decimal places and stays small
 * enough that the count is exact; the places go to `scaledPlaces`. Allocates nothing: this is the
 * path every figure of a bulk run takes.
 */
let scaledPlaces = 0;
function scaled(n: number): number | undefined {
  for (let places = 0; places < powers.length; places++) {
    const power = powers[places]!;
    const count = Math.round(n * power);
    if (Math.abs(count) >= EXACT_LIMIT) return undefined;
    if (count / power === n) {
      scaledPlaces = places;
      return count;
    }
  }
  return undefined;
}

/**
 * The product of `factors` as an exact integer count of 10^-places (places in `scaledPlaces`), or
 * undefined when a factor has more places or the product leaves the exact range.
 */
function scaledProduct(factors: readonly number[]): number | undefined {
  let product = 1;
  let places = 0;
  for (let i = 0; i < factors.length; i++) {
    const count = scaled(factors[i]!);
    if (count === undefined) return undefined;
    product *= count;
    places += scaledPlaces;
    if (!Number.isSafeInteger(product)) return undefined;
  }
  scaledPlaces = places;
  return product;
}

/**
 * The sign of (product of `left`) − (product of `right`), exactly on the decimals the numbers print
 * as: `compareProducts([residentSpace], [0.7, totalArea]) >= 0` says a share reaches 70% without
 * dividing. `[]` is the product 1.
 */
export function compareProducts(left: readonly number[], right: readonly number[]): -1 | 0 | 1 {
  let l = scaledProduct(left);
  const leftPlaces = scaledPlaces;
  let r = l === undefined ? undefined : scaledProduct(right);
  const rightPlaces = scaledPlaces;
  if (l !== undefined && r !== undefined) {
    // Bring both to the same places; stay on numbers while that is exact.
    if (leftPlaces < rightPlaces) l *= powers[rightPlaces - leftPlaces] ?? Number.POSITIVE_INFINITY;
    else if (rightPlaces < leftPlaces) r *= powers[leftPlaces - rightPlaces] ?? Number.POSITIVE_INFINITY;
    if (Number.isSafeInteger(l) && Number.isSafeInteger(r)) return l === r ? 0 : l > r ? 1 : -1;
  }
  const [a, b] = aligned(productOf(left), productOf(right));
  return a === b ? 0 : a > b ? 1 : -1;
}

/** The number nearest to digits × 10^-scale, through its decimal text (so 0.3 stays 0.3). */
function toNumber(d: Decimal): number {
  if (d.scale <= 0) return Number(d.digits * pow10(-d.scale));
  const negative = d.digits < 0n;
  const text = (negative ? -d.digits : d.digits).toString().padStart(d.scale + 1, '0');
  const point = text.length - d.scale;
  return Number(`${negative ? '-' : ''}${text.slice(0, point)}.${text.slice(point)}`);
}

/** a − b on the decimals, as the number nearest the exact difference: 1 − 0.7 → 0.3. */
export function exactDifference(a: number, b: number): number {
  if (Number.isInteger(a) && Number.isInteger(b) && Number.isSafeInteger(a - b)) return a - b;
  const [x, y, scale] = aligned(decimalOf(a), decimalOf(b));
  return toNumber({ digits: x - y, scale });
}

/** Digits kept after the point when a quotient does not end (a third of a rate): far below any unit a rule uses. */
const QUOTIENT_PLACES = 12;

/**
 * a × b ÷ c on the decimals, as the number nearest the exact result: 3220 × 50 ÷ 100 → 1610,
 * 2978 × 30 ÷ 100 → 893.4. With a decimal among them and a quotient that does not end, the result
 * is rounded half up at 10⁻¹² first. `c` must not be 0.
 */
export function multiplyDivide(a: number, b: number, c: number): number {
  // Integers: one exact product, one division, which IEEE 754 rounds to the nearest number.
  if (Number.isInteger(a) && Number.isInteger(b) && Number.isInteger(c) && c !== 0) {
    const product = a * b;
    if (Number.isSafeInteger(product)) return product / c;
  }
  const numerator = productOf([a, b]);
  const denominator = decimalOf(c);
  if (denominator.digits === 0n) throw new RangeError('除数为0');
  // (n × 10^-sn) ÷ (d × 10^-sd) = (n × 10^(places + sd - sn) ÷ d) × 10^-places
  const shift = QUOTIENT_PLACES + denominator.scale - numerator.scale;
  let n = numerator.digits;
  let d = denominator.digits;
  if (shift >= 0) n *= pow10(shift);
  else d *= pow10(-shift);
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const twice = (n * 2n) / d;
  const rounded = twice >= 0n ? (twice + 1n) / 2n : -((-twice + 1n) / 2n);
  return toNumber({ digits: rounded, scale: QUOTIENT_PLACES });
}

/**
 * A factor read once as an exact integer count of 10^-places (0.7 → 7 tenths), for comparing many
 * figures with it: a share parameter, the same for a whole run. `count` is undefined when the factor
 * has more places than the integer path takes; comparisons then go through `compareProducts`.
 */
export interface ScaledFactor {
  value: number;
  count: number | undefined;
  places: number;
}

export function scaledFactor(value: number): ScaledFactor {
  const count = scaled(value);
  return { value, count, places: count === undefined ? 0 : scaledPlaces };
}

/**
 * The sign of part − factor × whole, exactly on the decimals, as `compareProducts([part],
 * [factor, whole])` gives it: without allocating while both figures have few enough places (the
 * path of every community in a bulk run), else through `compareProducts`.
 */
export function compareWithFactor(part: number, factor: ScaledFactor, whole: number): -1 | 0 | 1 {
  const f = factor.count;
  // Whole figures (areas in whole square metres, the usual case): the part at the factor's places
  // against factor × whole, two integer products, without finding each figure's places first.
  if (f !== undefined && Number.isInteger(part) && Number.isInteger(whole)) {
    const left = part * powers[factor.places]!;
    const right = f * whole;
    if (Number.isSafeInteger(left) && Number.isSafeInteger(right))
      return left === right ? 0 : left > right ? 1 : -1;
  }
  let l = scaled(part);
  const partPlaces = scaledPlaces;
  const w = f === undefined || l === undefined ? undefined : scaled(whole);
  if (f !== undefined && l !== undefined && w !== undefined) {
    let r = f * w;
    const rightPlaces = factor.places + scaledPlaces;
    if (partPlaces < rightPlaces) l *= powers[rightPlaces - partPlaces] ?? Number.POSITIVE_INFINITY;
    else if (rightPlaces < partPlaces) r *= powers[partPlaces - rightPlaces] ?? Number.POSITIVE_INFINITY;
    if (Number.isSafeInteger(l) && Number.isSafeInteger(r)) return l === r ? 0 : l > r ? 1 : -1;
  }
  return compareProducts([part], [factor.value, whole]);
}
