/**
 * Password policy of MLPS level 3 / ASVS L2 as the platform applies it: at least 12 characters
 * with 3 of the 4 classes, and never the user name inside it.
 */
export const PASSWORD_MIN_LENGTH = 12;

export type PasswordProblem = 'password.length' | 'password.classes' | 'password.containsUsername';

export function passwordClasses(password: string): number {
  return [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
}

export function checkPassword(password: string, username?: string): PasswordProblem | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return 'password.length';
  if (passwordClasses(password) < 3) return 'password.classes';
  if (username && username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) {
    return 'password.containsUsername';
  }
  return null;
}
