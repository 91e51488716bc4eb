import { PasswordLoginDto, SmsLoginDto, SmsSendDto, UpdateMeDto } from '@yizhan/contracts';
import { invalidFields } from './validation';

type ReflectWithMetadata = typeof Reflect & Record<string, unknown>;

describe(invalidFields.name, () => {
  it('names the fields that break the contract rules', () => {
    expect([...invalidFields(SmsLoginDto, { phone: '1380013800', code: '12345' })]).toEqual([
      'phone',
      'code',
    ]);
    expect(invalidFields(SmsSendDto, { phone: '13800138000' }).size).toBe(0);
    expect([...invalidFields(PasswordLoginDto, { username: '', password: 'x' })]).toEqual([
      'username',
    ]);
    expect([...invalidFields(UpdateMeDto, { nickname: '<b>', platform: '美团' })]).toEqual([
      'nickname',
    ]);
    expect(invalidFields(UpdateMeDto, {}).size).toBe(0);
  });

  /**
   * The bundles do not load reflect-metadata (it would add ~13 KB to the weapp main package):
   * the DTOs the client validates with must work without it. jest loads it for the contracts
   * barrel, so this removes it and loads those DTO modules afresh.
   */
  it('validates the login and profile DTOs without Reflect metadata', () => {
    const reflect = Reflect as ReflectWithMetadata;
    // What reflect-metadata adds to the standard Reflect.
    const saved = Object.getOwnPropertyNames(reflect)
      .filter((key) => key === 'decorate' || key.toLowerCase().includes('metadata'))
      .map((key) => [key, Object.getOwnPropertyDescriptor(reflect, key)] as const);
    try {
      for (const [key] of saved) delete reflect[key];
      jest.isolateModules(() => {
        const auth = jest.requireActual<typeof import('@yizhan/contracts/dist/cjs/dto/auth.dto')>(
          '@yizhan/contracts/dist/cjs/dto/auth.dto',
        );
        const me = jest.requireActual<typeof import('@yizhan/contracts/dist/cjs/dto/me.dto')>(
          '@yizhan/contracts/dist/cjs/dto/me.dto',
        );
        const { validateAgainst } = jest.requireActual<
          typeof import('@yizhan/contracts/dist/cjs/validate')
        >('@yizhan/contracts/dist/cjs/validate');

        expect(
          validateAgainst(auth.SmsLoginDto, { phone: '1', code: '1' }).violations,
        ).toHaveLength(2);
        expect(
          validateAgainst(auth.PasswordLoginDto, { username: 'a', password: 'b' }).violations,
        ).toEqual([]);
        expect(validateAgainst(me.UpdateMeDto, { occupation: 'pilot' }).violations).toHaveLength(1);
      });
      expect(saved.map(([key]) => key)).toContain('getMetadata');
    } finally {
      for (const [key, descriptor] of saved) {
        if (descriptor) Object.defineProperty(reflect, key, descriptor);
      }
    }
  });
});
