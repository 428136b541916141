/** Password given to every demo account in the e2e database (never used outside tests). */
export const E2E_STAFF_PASSWORD = "e2e-Lentera-uji-2026!";
