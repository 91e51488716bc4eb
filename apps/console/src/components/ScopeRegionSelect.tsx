import { TreeSelect, type TreeSelectProps } from 'antd';
import type { CSSProperties } from 'react';
import { regionTreeData, useRegions } from '../hooks/useRegions';

interface ScopeRegionSelectProps {
  value?: string;
  onChange?: (value: string) => void;
  placeholder?: string;
  style?: CSSProperties;
  id?: string;
}

/** Picks a region of the admin's subtree (the only regions they may act in). Form-control shaped. */
export function ScopeRegionSelect({
  value,
  onChange,
  placeholder,
  style,
  id,
}: ScopeRegionSelectProps) {
  const regions = useRegions();
  return (
    <TreeSelect
      id={id}
      value={value}
      onChange={onChange}
      placeholder={placeholder}
      style={style}
      loading={regions.loading}
      // regionTreeData types its children loosely; they are nodes of the same shape.
      treeData={regionTreeData(regions.root) as TreeSelectProps['treeData']}
      treeDefaultExpandAll
      showSearch={{ treeNodeFilterProp: 'title' }}
    />
  );
}
