<#import "common.ftl" as c>
关于您申报的新职业建议书的问题<#if title?has_content>（${title}）</#if>
<@c.header "关于新职业申报材料的询问"/>

您申报的新职业建议书（受理编号 ${reference}）已收到。为便于审核，请就以下问题予以说明：

1. （请在此写明要询问的问题）

请直接回复本邮件，并保留邮件主题中的受理编号“[${reference}]”。

<@c.contact/>
