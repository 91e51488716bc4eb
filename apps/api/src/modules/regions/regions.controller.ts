import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RegionNode, Routes } from '@yizhan/contracts';
import { RegionNodeResponse } from './region-node.response';
import { RegionsService } from './regions.service';
import { Public } from '../access/access.decorators';

@ApiTags('regions')
@Public()
@Controller(Routes.regions)
export class RegionsController {
  constructor(private readonly regions: RegionsService) {}

  @Get()
  @ApiOperation({ summary: 'The region tree: cities, their districts, streets and communities' })
  @ApiOkResponse({ type: [RegionNodeResponse] })
  tree(): Promise<RegionNode[]> {
    return this.regions.tree();
  }
}
