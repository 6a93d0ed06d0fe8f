/**
 * A captured `getPlanItem` item for the catalogue tests: France, 5 GB for 30 days at 12.99 credits. `overrides`
 * replace fields (or add `price`, the integer the catalogue debits).
 */
export function planItem(overrides: Record<string, unknown> = {}) {
  return {
    plan: 'France 5GB 30 Days',
    productCode: 'm8hed7h2fed',
    data: '5GB',
    type: 'Total',
    package_type: 'Data Only',
    duration: '30',
    speed: '4G/5G',
    operator: 'Orange',
    region: 'France',
    region_index: 11,
    credit: 12.99,
    remark: '',
    ...overrides,
  };
}
