import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseEnumPipe,
  Patch,
  Post,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ConsentKind,
  ConsentRecord,
  GrantConsentDto,
  MeExport,
  MeResponse,
  Routes,
  UpdateMeDto,
} from '@yizhan/contracts';
import { ApiErrorResponses } from '../../common/decorators/api-error-responses.decorator';
import { NotFoundError } from '../../common/errors/domain.error';
import { CurrentActor, RequestInfo, RequestMeta } from '../access/access.decorators';
import { Actor } from '../access/actor';
import { MeService } from './me.service';

@ApiTags('me')
@ApiBearerAuth()
@Controller(Routes.me)
export class MeController {
  constructor(private readonly me: MeService) {}

  @Get()
  @ApiOperation({ summary: 'Your profile, roles and consents (your phone unmasked)' })
  @ApiErrorResponses(401)
  get(@CurrentActor() actor: Actor): Promise<MeResponse> {
    return this.me.get(actor);
  }

  @Patch()
  @ApiOperation({ summary: 'Change nickname, occupation or platform (nothing else)' })
  @ApiErrorResponses(400, 401)
  update(@CurrentActor() actor: Actor, @Body() body: UpdateMeDto): Promise<MeResponse> {
    return this.me.update(actor, body);
  }

  @Get('export')
  @ApiOperation({ summary: 'Everything Yizhan holds about you, as JSON' })
  @ApiErrorResponses(401)
  export(@CurrentActor() actor: Actor): Promise<MeExport> {
    return this.me.export(actor);
  }

  @Delete()
  @HttpCode(204)
  @ApiOperation({
    summary: 'Erase your personal data and end every session (ledger kept anonymised)',
  })
  @ApiErrorResponses(401)
  erase(@CurrentActor() actor: Actor, @RequestInfo() meta: RequestMeta): Promise<void> {
    return this.me.erase(actor, meta);
  }

  @Post('consents')
  @ApiOperation({ summary: 'Record your consent to location or photo processing' })
  @ApiErrorResponses(400, 401)
  grantConsent(
    @CurrentActor() actor: Actor,
    @Body() body: GrantConsentDto,
  ): Promise<ConsentRecord> {
    return this.me.grantConsent(actor, body);
  }

  @Delete('consents/:kind')
  @HttpCode(204)
  @ApiOperation({ summary: 'Withdraw a consent' })
  @ApiErrorResponses(401, 404)
  withdrawConsent(
    @CurrentActor() actor: Actor,
    @Param('kind', new ParseEnumPipe(ConsentKind, { exceptionFactory: () => new NotFoundError() }))
    kind: ConsentKind,
  ): Promise<void> {
    return this.me.withdrawConsent(actor, kind);
  }
}
