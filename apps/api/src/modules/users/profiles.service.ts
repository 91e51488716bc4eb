import { Injectable } from '@nestjs/common';
import { maskPhone, MeResponse } from '@yizhan/contracts';
import { PiiCipher } from '../../common/crypto/pii-cipher';
import { toMeResponse } from './user.mapper';
import { UserEntity } from './user.entity';
import { UsersRepository } from './users.repository';

/**
 * The owner's own view of an account, and the one place that knows how a phone number is
 * sealed at rest and found again (encrypted, plus a keyed blind index).
 */
@Injectable()
export class ProfilesService {
  constructor(
    private readonly users: UsersRepository,
    private readonly cipher: PiiCipher,
  ) {}

  phoneIndex(phone: string): string {
    return this.cipher.index('phone', phone);
  }

  sealPhone(phone: string): string {
    return this.cipher.encrypt(phone);
  }

  /** The phone as staff may see it (`138****5678`), for telling two workers apart at a counter. */
  maskedPhone(user: Pick<UserEntity, 'phoneCipher'>): string | null {
    return user.phoneCipher ? maskPhone(this.cipher.decrypt(user.phoneCipher)) : null;
  }

  /** Roles, active consents and the phone unmasked: only ever sent to the account's owner. */
  async ownerView(user: UserEntity): Promise<MeResponse> {
    const [roles, consents] = await Promise.all([
      this.users.rolesOf(user.id),
      this.users.activeConsents(user.id),
    ]);
    const phone = user.phoneCipher ? this.cipher.decrypt(user.phoneCipher) : null;
    return toMeResponse(user, roles, consents, phone);
  }
}
