import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';

/** argon2id password hashing. */
@Injectable()
export class PasswordService {
  private dummyHash?: Promise<string>;

  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
  }

  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  }

  /**
   * Spends the same time as a real check when the e-mail is unknown, so response times do not
   * tell which addresses have an account.
   */
  async verifyAgainstDummy(password: string): Promise<false> {
    this.dummyHash ??= this.hash('passerelle-dummy-password-for-timing');
    await this.verify(await this.dummyHash, password);
    return false;
  }
}
