/** What one marker of a list map shows. */
export interface MarkerInput {
  /** Position in the list shown: WeChat marker ids must be numbers, so the index is the id. */
  index: number;
  lat: number;
  lng: number;
  title: string;
  /** The label shown when the marker is tapped. */
  label: string;
  iconPath: string;
  size: number;
  /** Label colour (red for something that needs attention). */
  color?: string;
}

/** A WeChat map marker with a tap-to-show label in the app's style. */
export function labelledMarker(input: MarkerInput) {
  return {
    id: input.index,
    latitude: input.lat,
    longitude: input.lng,
    title: input.title,
    iconPath: input.iconPath,
    width: input.size,
    height: input.size,
    callout: {
      content: input.label,
      color: input.color ?? '#1f2329',
      fontSize: 12,
      anchorX: 0,
      anchorY: 0,
      borderRadius: 6,
      borderWidth: 0,
      borderColor: '#ffffff',
      bgColor: '#ffffff',
      padding: 6,
      display: 'BYCLICK' as const,
      textAlign: 'center' as const,
    },
  };
}
