// slotguard's runtime entry. It imports nothing outside src/.
export const version = '0.1.0';
