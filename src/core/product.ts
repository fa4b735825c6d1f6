/** Product identity shared by the CLI, the task pane and the custom functions. */
export const PRODUCT = {
  id: "plan-tracker",
  nameVi: "Theo dõi Kế hoạch",
  nameEn: "Plan Tracker",
  version: "0.1.0",
  functionNamespace: "KH",
} as const;
